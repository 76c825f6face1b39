const express = require('express');

const admin = require('./admin');

const app = express();
app.disable('x-powered-by');

app.use(express.json());
app.use('/admin', admin);

app.get('/api/health', (req, res) => res.json({ ok: true }));

app.listen(process.env.PORT || 3000);
