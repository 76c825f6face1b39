const express = require('express');
const helmet = require('helmet');

const admin = require('./admin');

const app = express();

app.use(helmet());
app.use(express.json());

// The headers helmet set on the response stay there when the sub-app handles
// the request.
app.use('/admin', admin);

app.get('/api/health', (req, res) => res.json({ ok: true }));

app.listen(process.env.PORT || 3000);
