const express = require('express');
const { Sequelize, DataTypes } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);
const Post = sequelize.define('Post', { title: DataTypes.STRING, authorId: DataTypes.INTEGER });
const app = express();

app.get('/posts', async (req, res) => {
  const viewer = req.query.viewer;
  const posts = await Post.findAll({
    attributes: {
      include: [
        [sequelize.literal(`(SELECT COUNT(*) FROM likes WHERE likes.post_id = "Post"."id" AND likes.user = '${viewer}')`), 'liked'], // expect: sql-injection
      ],
    },
    order: [[Sequelize.literal(req.query.order), 'DESC']], // expect: sql-injection
  });
  res.json(posts);
});

app.listen(3000);
