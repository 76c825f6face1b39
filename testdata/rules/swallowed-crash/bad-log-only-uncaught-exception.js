const express = require('express');
const mongoose = require('mongoose');

const app = express();
app.use(express.json());
app.get('/api/health', (req, res) => res.json({ ok: true }));

// Keeps serving after an unknown failure, in an unknown state.
process.on('uncaughtException', (err) => { // expect: swallowed-crash
  console.error('Uncaught exception:', err);
});

mongoose
  .connect(process.env.MONGO_URL)
  .then(() => {
    app.listen(process.env.PORT || 3000, () => console.log('api up'));
  });
