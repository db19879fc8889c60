const config = {
  // ruleid: generic.secrets.api-key-assignment
  apiKey: "q8Zr2Lw9Xk3Vn7TbQw2Er5Ty",
  // ruleid: generic.secrets.api-key-assignment
  client_secret: 'Zr2Lw9Xk3Vn7TbQw2Er5Ty8U',
  // ok: generic.secrets.api-key-assignment
  apiKey2: process.env.API_KEY,
  // ok: generic.secrets.api-key-assignment
  accessToken: "your_access_token_here_xx",
  // ok: generic.secrets.api-key-assignment
  secretKey: "aaaaaaaaaaaaaaaaaaaaaaaa",
  // ok: generic.secrets.api-key-assignment
  apiKeyHeader: "X-Api-Key",
};
