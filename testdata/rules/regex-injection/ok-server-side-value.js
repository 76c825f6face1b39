const express = require('express');
const mongoose = require('mongoose');

const Doc = mongoose.model('Doc', new mongoose.Schema({ path: String }));
const app = express();

// `req.user` is set by the auth middleware, not sent by the client.
app.get('/my/docs', async (req, res) => {
  const home = new RegExp(`^/home/${req.user.username}/`);
  const shared = await Doc.find({ path: { $regex: `^/shared/${req.user.team}/` } });
  res.json(shared.filter((d) => !home.test(d.path)));
});

app.listen(3000);
