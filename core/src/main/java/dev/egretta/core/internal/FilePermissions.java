package dev.egretta.core.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the folders and files that hold organisations' data (index, session database, uploads)
 * readable by their owner only: folders 700, files 600, whatever the umask. On file systems without
 * POSIX permissions they are created plainly. Existing folders and files are left as they are.
 */
public final class FilePermissions {
  private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private FilePermissions() {}

  /** Like {@link Files#createDirectories}, each folder it creates owner-only (700). */
  public static Path createPrivateDirectories(Path folder) throws IOException {
    if (!posix(folder)) {
      return Files.createDirectories(folder);
    }
    return Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
  }

  /** Creates a new, empty, owner-only (600) file; fails if it exists, like {@link Files#createFile}. */
  public static Path createPrivateFile(Path file) throws IOException {
    if (!posix(file)) {
      return Files.createFile(file);
    }
    return Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
  }

  /** {@link #createPrivateFile}, or nothing when the file already exists. */
  public static Path createPrivateFileIfAbsent(Path file) throws IOException {
    try {
      return createPrivateFile(file);
    } catch (FileAlreadyExistsException e) {
      return file;
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
