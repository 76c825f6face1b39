// A proxy route wraps two upstream calls in one try whose catch answers 502.
const express = require('express');
const axios = require('axios');

const app = express();

app.get('/dashboard', async (req, res) => {
  try {
    const { data: user } = await axios.get(`${process.env.USERS_API}/me`, { headers: { authorization: req.get('authorization') } });
    const { data: stats } = await axios.get(`${process.env.STATS_API}/users/${user.id}/summary`);
    res.json({ user, stats });
  } catch (err) {
    res.status(502).json({ error: 'upstream unavailable' });
  }
});

app.listen(3000);
