// Mounts the search router, with an error handler that answers 400 for bad JSON.
import express from 'express';
import searchRouter from './routes/search.js';

const app = express();
app.use('/search', searchRouter);

app.use((err, req, res, next) => {
  res.status(err instanceof SyntaxError ? 400 : 500).json({ error: 'bad request' });
});

app.listen(3000);
