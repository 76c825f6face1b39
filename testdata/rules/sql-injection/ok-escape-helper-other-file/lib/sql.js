const format = require('pg-format');

function eq(column, value) {
  return format('%I = %L', column, value);
}

function like(column, text) {
  return format('%I ILIKE %L', column, `%${text}%`);
}

module.exports = { eq, like };
