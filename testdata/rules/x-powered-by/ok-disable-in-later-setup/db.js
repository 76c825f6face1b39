const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

// Retries the first connection (the database container often starts after
// us), then hands over to the caller.
function whenReady(callback, attempt = 1) {
  pool
    .query('select 1')
    .then(() => callback())
    .catch((err) => {
      if (attempt >= 10) throw err;
      setTimeout(() => whenReady(callback, attempt + 1), 1000 * attempt);
    });
}

module.exports = { pool, whenReady };
