// Defaults; a settings.json next to the server overrides them at start.
module.exports = {
  port: 9001,
  ssl: false,
  trustProxy: false,
};
