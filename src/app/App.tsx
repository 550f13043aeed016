export function App() {
  return (
    <main>
      <h1>Pathway Lens</h1>
    </main>
  );
}
