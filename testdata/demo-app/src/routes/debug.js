const express = require('express');
const mongoose = require('mongoose');

const router = express.Router();

router.get('/env', (req, res) => {
  res.json(process.env);
});

router.get('/db', async (req, res, next) => {
  try {
    const collections = await mongoose.connection.db.listCollections().toArray();
    res.json({
      state: mongoose.connection.readyState,
      collections: collections.map((c) => c.name),
    });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
