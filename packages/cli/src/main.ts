export async function main(a){console.log("hi",a);return 0}
