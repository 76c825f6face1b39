// The routers are mounted from a table, as many boilerplates do.
const express = require('express');
const authRoute = require('./auth');
const userRoute = require('./user');
const router = express.Router();
const defaultRoutes = [
  { path: '/auth', route: authRoute },
  { path: '/users', route: userRoute },
];
defaultRoutes.forEach((route) => {
  router.use(route.path, route.route);
});
module.exports = router;
