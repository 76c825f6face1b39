// A nightly cleanup job wraps several queries in one try whose catch logs the error with console.error.
const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

async function purgeExpired() {
  try {
    await pool.query("DELETE FROM sessions WHERE expires_at < now()");
    await pool.query("DELETE FROM password_resets WHERE created_at < now() - interval '1 day'");
    await pool.query('VACUUM ANALYZE sessions');
  } catch (err) {
    console.error('cleanup failed', err);
  }
}

app.get('/health', (req, res) => res.json({ ok: true }));

setInterval(purgeExpired, 24 * 60 * 60 * 1000);
app.listen(3000);
