// Mounts the items router and connects to MongoDB.
const express = require('express');
const mongoose = require('mongoose');
const items = require('./routes/items');

const app = express();
app.use(express.json());
app.use('/items', items);

mongoose.connect(process.env.MONGO_URL || 'mongodb://localhost:27017/inventory');
app.listen(process.env.PORT || 3000);
