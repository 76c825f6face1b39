const mysql = require('mysql');

const pool = mysql.createPool({ database: 'social' });

// Only numbers and the session's user reach the SQL text.
function loadFeed(req) {
  const page = Math.max(1, parseInt(req.query.page, 10) || 1);
  const size = Math.min(Number(req.query.size) || 20, 100);
  const userId = req.session.userId;
  const sql = `SELECT * FROM posts WHERE author_id IN (SELECT followee FROM follows WHERE follower = ${pool.escape(userId)})
    ORDER BY created_at DESC LIMIT ${size} OFFSET ${(page - 1) * size}`;
  return new Promise((resolve, reject) => {
    pool.query(sql, (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}

module.exports = { loadFeed };
