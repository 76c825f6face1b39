// An async router.param handler parses the path parameter: a malformed one rejects, and Express 4 leaves it unhandled.
const express = require('express');
const { findDocument } = require('./store');

const app = express();
const router = express.Router();

router.param('document', async (req, res, next, id) => {
  const key = JSON.parse(decodeURIComponent(id)); // expect: swallowed-crash
  req.doc = await findDocument(key);
  next();
});

router.get('/docs/:document', (req, res) => res.json(req.doc));

app.use(router);
app.listen(3000);
