const express = require('express');
const mongoose = require('mongoose');

const Item = mongoose.model('Item', new mongoose.Schema({ name: String }));
const router = express.Router();

router.get('/items', async (req, res) => {
  res.json(await Item.find(req.query)); // expect: nosql-injection
});

const app = express();
app.use('/api', router);
app.listen(3000);
