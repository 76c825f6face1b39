function ownerFilter(body) {
  return { owner: body.owner, status: 'open' };
}

module.exports = { ownerFilter };
