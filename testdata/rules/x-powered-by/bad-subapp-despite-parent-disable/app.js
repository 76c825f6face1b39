const express = require('express');
const helmet = require('helmet');

const admin = require('./admin');

const app = express();

app.disable('x-powered-by');
app.use(helmet());
app.use(express.json());

// A mounted sub-app keeps its own x-powered-by setting and sets the header
// again after the parent's helmet has removed it.
app.use('/admin', admin);

app.get('/api/health', (req, res) => res.json({ ok: true }));

app.listen(process.env.PORT || 3000);
