// ruleid: generic.secrets.github-token
const token = "ghp_4fT9kLm2Qx7ZbW1nV8cR3yH6jD0sE5aP2uGi";
// ruleid: generic.secrets.github-token
headers.Authorization = `token gho_Zq8wE3rT5yU7iO9pA1sD2fG4hJ6kL8zX0cVb`;
// ok: generic.secrets.github-token
const fromEnv = process.env.GITHUB_TOKEN;
// ok: generic.secrets.github-token
const prefixOnly = "ghp_";
