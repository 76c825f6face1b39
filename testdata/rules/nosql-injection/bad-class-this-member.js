// A controller class keeps the filter on the instance: one method builds
// it from the query string, another runs it.
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
    this.filter = { name: req.query.name };
    return this.run(res);
  }

  async run(res) {
    const user = await this.model.findOne(this.filter); // expect: nosql-injection
    res.json(user);
  }
}

class Pending {
  value = null;

  remember(req) {
    this.value = req.body.code;
  }

  lookup() {
    return User.find({ code: this.value }); // expect: nosql-injection
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
