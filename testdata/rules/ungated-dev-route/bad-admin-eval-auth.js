const express = require('express');
const { requireAuth, requireRole } = require('./auth');

const app = express();
const admin = express.Router();

admin.get('/users', requireAuth, requireRole('admin'), (req, res) => {
  res.json([]);
});

// REPL in the browser for admins. Authentication decides who can call it,
// but the endpoint (and remote code execution) exists in every deployment.
admin.post('/eval', requireAuth, requireRole('admin'), (req, res) => { // expect: ungated-dev-route
  try {
    const result = eval(req.body.code);
    res.json({ result });
  } catch (err) {
    res.status(400).json({ error: String(err) });
  }
});

app.use(express.json());
app.use('/admin', admin);

app.listen(process.env.PORT || 3000);
