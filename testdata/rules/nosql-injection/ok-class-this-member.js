// The same controller, with the values cast to strings before they are kept
// on the instance.
const express = require('express');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ name: String }));

class UserController {
  constructor() {
    this.model = User;
    this.router = express.Router();
    this.router.get('/users/find', (req, res) => this.find(req, res));
  }

  async find(req, res) {
    this.filter = { name: String(req.query.name) };
    return this.run(res);
  }

  async run(res) {
    const user = await this.model.findOne(this.filter);
    res.json(user);
  }
}

class Pending {
  value = null;

  remember(req) {
    if (typeof req.body.code !== 'string') throw new Error('bad code');
    this.value = req.body.code;
  }

  lookup() {
    return User.find({ code: this.value });
  }
}

const app = express();
app.use(express.json());
app.use(new UserController().router);
const pending = new Pending();
app.post('/codes', (req, res) => {
  pending.remember(req);
  pending.lookup().then((rows) => res.json(rows));
});
app.listen(3000);
