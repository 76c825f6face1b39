const db = require('./db');

async function searchPeople(req) {
  const name = req.query.name || '';
  const city = req.query.city;
  const query = db('people').select('id', 'name');
  query.whereRaw("name ILIKE '%" + name + "%'"); // expect: sql-injection
  if (city) {
    query.andWhereRaw(`city = '${city}'`); // expect: sql-injection
  }
  return query;
}

module.exports = { searchPeople };
