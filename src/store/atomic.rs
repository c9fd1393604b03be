//! Crash-safe, private file writes: a reader sees the old bytes or the new ones,
//! never a mixture, and nobody but the user can read either.

use std::{
    fs::{self, File, OpenOptions},
    io::{self, Write},
    path::{Path, PathBuf},
};

/// The temporary sibling a save writes before renaming it into place. It lives in the
/// same folder so the rename never crosses file systems.
pub fn temp_path_for(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.saving-{}", std::process::id()))
}

/// True for the temporary files a save leaves behind when it is killed.
pub fn is_stale_temp_of(path: &Path, candidate: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    candidate
        .file_name()
        .is_some_and(|c| c.to_string_lossy().starts_with(&format!(".{name}.saving-")))
}

/// How old a temporary file must be before it is taken for abandoned even when a
/// process with the PID in its name is running: PIDs are reused, and no save takes
/// minutes.
const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_mins(10);

/// True when the temporary file `temp` is no longer being written: the process named
/// in it has gone, or it is older than any save takes. Called only by the lock's
/// holder, the one process that may be writing this workspace's files at all — the
/// PID and age are a second guard, for a writer outside the lock (an older build).
pub fn is_abandoned_temp(temp: &Path) -> bool {
    let pid = temp
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| name.rsplit_once(".saving-"))
        .and_then(|(_, pid)| pid.parse::<u32>().ok());
    let Some(pid) = pid else {
        return false;
    };
    let old = fs::symlink_metadata(temp)
        .and_then(|meta| meta.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_some_and(|age| age > ABANDONED_AFTER);
    old || pid == std::process::id() || !process_is_running(pid)
}

/// Whether a process with this PID exists. Only Linux answers without unsafe code
/// (`/proc`); elsewhere every process is taken to be running and the age decides.
fn process_is_running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Creates (or truncates) a file readable and writable by its owner only.
pub fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path)?;
    // `mode` only applies to new files; a leftover file keeps its old mode otherwise.
    make_private(path)?;
    Ok(file)
}

/// Sets a file to 0600 (a folder to 0700) on Unix; elsewhere the user's profile
/// folder already keeps it private.
pub fn make_private(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if path.is_dir() { 0o700 } else { 0o600 };
        fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Creates a folder and any missing parents, each private (0700 on Unix); folders
/// that already exist are left as they are.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if !dir.is_dir() {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(dir)?;
        // The mode passes through the umask; a stricter one is fine, this makes sure.
        make_private(dir)?;
    }
    Ok(())
}

/// Makes a rename in `dir` durable: without this a power cut can forget it.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Serialised bytes → temp file in the same folder → fsync → rename → fsync the folder.
pub fn write_durably(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically(path, bytes, true)
}

/// Like [`write_durably`] but leaves flushing to the OS: still all-or-nothing if the
/// process dies, for copies whose loss in a power cut costs nothing irreplaceable.
pub fn write_atomically_unsynced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically(path, bytes, false)
}

fn write_atomically(path: &Path, bytes: &[u8], durable: bool) -> io::Result<()> {
    let temp = temp_path_for(path);
    let result = (|| {
        let mut file = create_private(&temp)?;
        file.write_all(bytes)?;
        if durable {
            file.sync_all()?;
        }
        drop(file);
        fs::rename(&temp, path)?;
        if durable {
            sync_dir(parent_of(path))?;
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_the_file_and_leave_no_temp() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("workspace.json");
        write_durably(&path, b"first").expect("write");
        write_durably(&path, b"second").expect("write");
        assert_eq!(fs::read(&path).expect("read"), b"second");
        let names: Vec<_> = fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(names.len(), 1);
        assert!(is_stale_temp_of(&path, &temp_path_for(&path)));
        assert!(!is_stale_temp_of(&path, &path));
    }

    #[cfg(unix)]
    #[test]
    fn a_temp_of_a_running_process_is_kept_and_one_of_a_gone_process_is_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .expect("a running process");
        let live = dir
            .path()
            .join(format!(".workspace.json.saving-{}", child.id()));
        write_durably(&live, b"x").expect("write");
        let gone = dir.path().join(".workspace.json.saving-4194300");
        write_durably(&gone, b"x").expect("write");
        let live_abandoned = is_abandoned_temp(&live);
        let _ = child.kill();
        let _ = child.wait();
        if cfg!(target_os = "linux") {
            assert!(!live_abandoned);
            assert!(is_abandoned_temp(&gone));
        }
        assert!(!is_abandoned_temp(&dir.path().join("workspace.json")));
    }

    #[cfg(unix)]
    #[test]
    fn files_are_private_even_over_a_public_leftover() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("workspace.json");
        create_private(&temp_path_for(&path))
            .and_then(|mut f| f.write_all(b"stale"))
            .expect("leftover");
        fs::set_permissions(temp_path_for(&path), fs::Permissions::from_mode(0o644))
            .expect("chmod");
        write_durably(&path, b"data").expect("write");
        let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
