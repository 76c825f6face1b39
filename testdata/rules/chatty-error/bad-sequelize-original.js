// Sequelize's err.original (the driver error) is sent with a 500.
const express = require('express');
const { Sequelize, DataTypes } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);
const Post = sequelize.define('Post', { title: DataTypes.STRING, body: DataTypes.TEXT });

const app = express();
app.use(express.json());

app.post('/posts', async (req, res) => {
  try {
    const post = await Post.create({ title: req.body.title, body: req.body.body });
    res.status(201).json(post);
  } catch (err) {
    res.status(500).json({ error: 'Could not save the post', cause: err.original }); // expect: chatty-error
  }
});

sequelize.sync().then(() => app.listen(3000));
