const express = require('express');
const mongoose = require('mongoose');

const Team = mongoose.model('Team', new mongoose.Schema({ name: String }));
const app = express();
app.use(express.json());

app.post('/teams/search', async (req, res) => {
  const { name = '' } = req.body;
  const teams = await Team.find({ name }); // expect: nosql-injection
  res.json(teams);
});

app.listen(3000);
