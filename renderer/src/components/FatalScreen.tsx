/** Shown instead of the app when it cannot start safely (for example a database from a newer version). */
export function FatalScreen({ title, message }: { title: string; message: string }) {
  return (
    <main className="fatal">
      <section className="card" role="alert" aria-labelledby="fatal-title">
        <h1 id="fatal-title">{title}</h1>
        <p className="prose">{message}</p>
      </section>
    </main>
  );
}
