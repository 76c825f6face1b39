// Slugs are lower-case words joined by dashes.
const SLUG = /^([a-z0-9]+-?)+$/;

module.exports = function validSlug(req, res, next) {
  if (!SLUG.test(req.params.slug)) return res.status(400).json({ error: 'bad slug' });
  next();
};
