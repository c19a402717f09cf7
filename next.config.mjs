/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native data files and WASM: loaded from node_modules at run time, never bundled.
  serverExternalPackages: ["geoip-lite", "@electric-sql/pglite", "postgres"],
  typescript: { ignoreBuildErrors: false },
  // The sandbox shell is opened on 127.0.0.1 (another site than localhost): let `npm run dev` serve it.
  allowedDevOrigins: ["127.0.0.1"],
};

export default nextConfig;
