const COLUMNS = ['price', 'created_at', 'title'];
const DIRECTIONS = { asc: 'ASC', desc: 'DESC' };

function sortColumn(value) {
  return COLUMNS.includes(value) ? value : 'created_at';
}

function sortDirection(value) {
  return DIRECTIONS[String(value).toLowerCase()] || 'DESC';
}

module.exports = { sortColumn, sortDirection };
