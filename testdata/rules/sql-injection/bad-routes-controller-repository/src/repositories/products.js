const mysql = require('mysql2/promise');

const pool = mysql.createPool({ host: 'db', user: 'app', database: 'catalog' });

async function findByCategory(category, sort) {
  let sql = 'SELECT id, name, price FROM products';
  if (category !== 'all') {
    sql += " WHERE category = '" + category + "'";
  }
  sql += ' ORDER BY ' + sort;
  const [rows] = await pool.query(sql); // expect: sql-injection
  return rows;
}

async function findBySku(sku) {
  const [rows] = await pool.execute(`SELECT * FROM products WHERE sku = '${sku}'`); // expect: sql-injection
  return rows[0];
}

module.exports = { findByCategory, findBySku };
