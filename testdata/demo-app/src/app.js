const express = require('express');
const cors = require('cors');
const helmet = require('helmet');
const morgan = require('morgan');

const authRoutes = require('./routes/auth');
const userRoutes = require('./routes/users');
const reportRoutes = require('./routes/reports');
const debugRoutes = require('./routes/debug');
const errorHandler = require('./middleware/error-handler');

const app = express(); // expect: x-powered-by, missing-helmet

app.use(morgan(process.env.NODE_ENV === 'production' ? 'combined' : 'dev'));
app.use(cors());
app.use(express.json());

app.get('/healthz', (req, res) => res.json({ status: 'ok' }));

app.use('/api/auth', authRoutes);
app.use('/api/users', userRoutes);
app.use('/api/reports', reportRoutes);
app.use('/debug', debugRoutes); // expect: ungated-dev-route

// Security headers
app.use(helmet());

app.use(errorHandler);

module.exports = app;
