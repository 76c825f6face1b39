const Joi = require('joi');

const validate = (schema) => (req, res, next) => {
  const { value, error } = Joi.compile(schema).validate({ body: req.body });
  if (error) {
    return res.status(400).json({ error: error.message });
  }
  Object.assign(req, value);
  return next();
};

module.exports = validate;
