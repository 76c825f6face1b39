const express = require('express');
const mongoose = require('mongoose');

// sanitizeFilter covers filters, not update documents.
mongoose.set('sanitizeFilter', true);

const Profile = mongoose.model('Profile', new mongoose.Schema({ name: String, role: String }));
const app = express();
app.use(express.json());

app.put('/profiles/:id', async (req, res) => {
  await Profile.updateOne({ _id: req.params.id }, req.body); // expect: nosql-injection
  res.sendStatus(204);
});

app.listen(3000);
