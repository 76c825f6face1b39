// A recognised NotFoundError's message is sent with a 404; others go to next(err).
const express = require('express');

class NotFoundError extends Error {
  constructor(what) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}

const projects = new Map([['p1', { id: 'p1', name: 'Apollo' }]]);

async function getProject(id) {
  const p = projects.get(id);
  if (!p) throw new NotFoundError('Project');
  return p;
}

const app = express();

app.get('/projects/:id', async (req, res, next) => {
  try {
    res.json(await getProject(req.params.id));
  } catch (err) {
    if (err instanceof NotFoundError) {
      return res.status(404).json({ error: err.message });
    }
    next(err);
  }
});

app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: 'Internal Server Error' });
});

app.listen(3000);
