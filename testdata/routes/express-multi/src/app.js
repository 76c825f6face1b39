const express = require('express');
const cors = require('cors');
const swaggerUi = require('swagger-ui-express');

const { requestLogger, requireAuth, notFound, errorHandler } = require('./middleware');
const authRouter = require('./routes/auth');
const usersRouter = require('./routes/users');

const API = '/api/v1';

const app = express();
app.disable('x-powered-by');

app.use(cors({ origin: process.env.CORS_ORIGIN || 'http://localhost:5173', credentials: true }));
app.use(express.json({ limit: '100kb' }));
app.use(requestLogger);

app.use('/assets', express.static('public', { maxAge: '1d' }));

app.get('/health', (req, res) => {
  res.json({ status: 'ok', uptime: process.uptime() });
});

// Express reports 'development' when NODE_ENV is unset.
if (app.get('env') === 'development') {
  const spec = {
    openapi: '3.0.3',
    info: { title: 'shop-api', version: '2.3.0' },
    paths: {},
  };
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(spec));
}

app.use(`${API}/auth`, authRouter);
app.use(`${API}/users`, requireAuth, usersRouter);

if (process.env.ENABLE_ADMIN === 'true') {
  const adminRouter = require('./routes/admin');
  app.use(`${API}/admin`, requireAuth, adminRouter);
}

app.use(notFound);
app.use(errorHandler);

module.exports = app;
