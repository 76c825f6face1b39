// A job worker whose catch holds only a comment: a job that fails halfway is dropped without a trace.
const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

async function run(job) {
  await fetch(job.payload.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(job.payload.body) });
}

async function markDone(job) {
  await pool.query('UPDATE jobs SET done_at = now() WHERE id = $1', [job.id]);
}

async function processPending() {
  const { rows: jobs } = await pool.query('SELECT id, payload FROM jobs WHERE done_at IS NULL ORDER BY id LIMIT 50');
  for (const job of jobs) {
    try {
      await run(job);
      await markDone(job);
    } catch (err) { /* ignore */ } // expect: swallowed-crash
  }
}

app.get('/health', (req, res) => res.json({ ok: true }));

setInterval(processPending, 5000);
app.listen(3000);
