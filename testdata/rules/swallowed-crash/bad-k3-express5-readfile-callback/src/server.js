// The Express 5 app: mounts the documents router.
const express = require('express');
const mongoose = require('mongoose');
const documents = require('./routes/documents');

const app = express();
app.use('/documents', documents);

mongoose.connect(process.env.MONGO_URL || 'mongodb://localhost:27017/attachments');
app.listen(process.env.PORT || 3000);
