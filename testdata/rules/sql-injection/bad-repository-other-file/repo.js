const mysql = require('mysql2/promise');

const pool = mysql.createPool({ database: 'bank' });

async function byOwner(owner) {
  const [rows] = await pool.query(`SELECT * FROM accounts WHERE owner = '${owner}'`); // expect: sql-injection
  return rows;
}

module.exports = { byOwner };
