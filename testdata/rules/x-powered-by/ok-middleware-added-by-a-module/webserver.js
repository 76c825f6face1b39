// NodeBB's layout: the middleware object is built in middleware/index.js,
// and headers.js adds `addHeaders` to it from a function it exports. The
// app's own X-Powered-By value replaces Express's.
const express = require('express');
const middleware = require('./middleware');

const app = express();
app.use(middleware.addHeaders);
app.get('/', (req, res) => res.send('ok'));
app.listen(4567);
