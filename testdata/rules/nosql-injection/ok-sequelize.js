const express = require('express');
const { Sequelize, DataTypes } = require('sequelize');

const sequelize = new Sequelize('sqlite::memory:');
const User = sequelize.define('User', { email: DataTypes.STRING });
const app = express();
app.use(express.json());

// Sequelize operators are Symbols, which JSON cannot produce.
app.post('/lookup', async (req, res) => {
  res.json(await User.findOne({ where: { email: req.body.email } }));
});

app.listen(3000);
