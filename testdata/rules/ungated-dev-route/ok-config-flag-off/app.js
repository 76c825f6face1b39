import express from 'express';
import config from './config.js';
import debugRouter from './routes/debug.js';

const app = express();
app.use(express.json());

app.get('/api/loans', (req, res) => {
  res.json([]);
});

if (config.enableDebug) {
  app.use('/debug', debugRouter);
}

app.listen(config.port, () => {
  console.log(`library api on :${config.port} (log level ${config.logLevel})`);
});
