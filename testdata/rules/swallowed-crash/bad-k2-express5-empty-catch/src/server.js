// The Express 5 app: mounts the invites router.
const express = require('express');
const mongoose = require('mongoose');
const invites = require('./routes/invites');

const app = express();
app.use(express.json());
app.use('/invites', invites);

mongoose.connect(process.env.MONGO_URL || 'mongodb://localhost:27017/teams');
app.listen(process.env.PORT || 3000);
