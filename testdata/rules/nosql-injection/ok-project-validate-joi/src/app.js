const express = require('express');
const validate = require('./validate');
const authValidation = require('./auth.validation');
const User = require('./user');

const app = express();
app.use(express.json());

app.post('/login', validate(authValidation.login), async (req, res) => {
  const { email, password } = req.body;
  res.json(await User.findOne({ email, password }));
});

app.listen(3000);
