// Thin client for the search cluster; stubbed until the cluster is provisioned.
async function query(q) {
  if (!q) return { hits: [] };
  return { hits: [{ id: 'doc-1', title: `Result for ${q}` }] };
}

module.exports = { query };
