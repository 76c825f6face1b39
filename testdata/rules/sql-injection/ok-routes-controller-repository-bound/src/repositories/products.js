const mysql = require('mysql2/promise');

const pool = mysql.createPool({ host: 'db', user: 'app', database: 'catalog' });

async function findByCategory(category) {
  let sql = 'SELECT id, name, price FROM products';
  const params = [];
  if (category !== 'all') {
    sql += ' WHERE category = ?';
    params.push(category);
  }
  const [rows] = await pool.query(sql, params);
  return rows;
}

async function findBySku(sku) {
  const [rows] = await pool.execute('SELECT * FROM products WHERE sku = ?', [sku]);
  return rows[0];
}

async function insert(product) {
  const [result] = await pool.query('INSERT INTO products SET ?', product);
  return { id: result.insertId };
}

module.exports = { findByCategory, findBySku, insert };
