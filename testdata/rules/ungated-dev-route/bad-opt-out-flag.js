const express = require('express');
const db = require('./db');

const app = express();
app.use(express.json());

app.get('/api/reports/:id', async (req, res) => {
  const report = await db.reports.findById(req.params.id);
  res.json(report);
});

// Opt-out flag: the query log is on unless somebody sets DISABLE_DEBUG=true,
// and nobody does in a fresh deployment.
if (process.env.DISABLE_DEBUG !== 'true') {
  app.get('/_debug/slow-queries', async (req, res) => { // expect: ungated-dev-route
    res.json(await db.slowQueryLog(100));
  });

  app.get('/_debug/pool', (req, res) => { // expect: ungated-dev-route
    res.json({ total: db.pool.totalCount, idle: db.pool.idleCount });
  });
}

app.listen(process.env.PORT || 3000);
