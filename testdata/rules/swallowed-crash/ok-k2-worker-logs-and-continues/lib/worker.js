// A job loop whose catch logs the failed job with logger.error and goes on with the next one.
const { Pool } = require('pg');
const sharp = require('sharp');
const logger = require('./logger');

const pool = new Pool();

async function processBatch() {
  const { rows: jobs } = await pool.query('SELECT id, source, target FROM thumbnail_jobs WHERE done = false LIMIT 20');
  for (const job of jobs) {
    try {
      await sharp(job.source).resize(320).toFile(job.target);
      await pool.query('UPDATE thumbnail_jobs SET done = true WHERE id = $1', [job.id]);
    } catch (err) {
      logger.error({ err, jobId: job.id }, 'thumbnail job failed');
    }
  }
}

function start() {
  setInterval(() => {
    processBatch().catch((err) => logger.error({ err }, 'batch failed'));
  }, 10000);
}

module.exports = { start };
