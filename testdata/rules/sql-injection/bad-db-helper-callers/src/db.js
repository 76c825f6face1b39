const sqlite3 = require('sqlite3');

const db = new sqlite3.Database('audit.db');

// Every module of the app goes through this helper.
function all(sql, params = []) {
  return new Promise((resolve, reject) => {
    db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows))); // expect: sql-injection
  });
}

module.exports = { all };
