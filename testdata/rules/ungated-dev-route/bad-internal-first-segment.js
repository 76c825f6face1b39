const express = require('express');
const { queue } = require('./jobs');

const app = express();
app.use(express.json());

app.get('/api/exports/:id', async (req, res) => {
  const job = await queue.getJob(req.params.id);
  if (!job) return res.sendStatus(404);
  res.json({ id: job.id, state: await job.getState() });
});

// Meant to be called from inside the cluster only, but the app listens on the
// same public port as the API and nothing checks where the call comes from.
app.post('/internal/queues/drain', async (req, res) => { // expect: ungated-dev-route
  await queue.drain(true);
  res.json({ drained: true });
});

app.listen(process.env.PORT || 3000, () => {
  console.log('exports api up');
});
